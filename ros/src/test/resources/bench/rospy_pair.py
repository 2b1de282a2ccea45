#!/usr/bin/env python3
"""One side of the rospy latency/throughput pair used by the TCPROS benchmark.

pub: publishes COUNT std_msgs/Float64MultiArray messages of N doubles on TOPIC at RATE Hz (0 = as fast as possible),
     data[0] = CLOCK_MONOTONIC nanoseconds at publish time.
sub: receives COUNT messages (or stops after TIMEOUT s) and prints one JSON line: latencies (ns, receive time minus
     data[0]), received count, first and last receive times (ns). CLOCK_MONOTONIC is shared by every process on the
     machine, and Java's System.nanoTime and C++'s steady_clock read the same clock.
"""
import json
import sys
import time

import rospy
from std_msgs.msg import Float64MultiArray


def main():
    role, topic, n, count, rate, timeout = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), \
        float(sys.argv[5]), float(sys.argv[6])
    if role == "pub":
        rospy.init_node("bench_rospy_pub", anonymous=True, disable_signals=True)
        pub = rospy.Publisher(topic, Float64MultiArray, queue_size=count + 1)
        deadline = time.monotonic() + timeout
        while pub.get_num_connections() < 1 and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(0.3)
        data = [0.0] * n
        msg = Float64MultiArray(data=data)
        period = 1.0 / rate if rate > 0 else 0.0
        for _ in range(count):
            data[0] = float(time.monotonic_ns())
            pub.publish(msg)
            if period:
                time.sleep(period)
        time.sleep(min(timeout, 3.0))
    else:
        latencies = []
        times = []

        def on_message(msg):
            now = time.monotonic_ns()
            latencies.append(now - int(msg.data[0]))
            times.append(now)

        rospy.init_node("bench_rospy_sub", anonymous=True, disable_signals=True)
        rospy.Subscriber(topic, Float64MultiArray, on_message, queue_size=count + 1, tcp_nodelay=True)
        print("READY", flush=True)
        deadline = time.monotonic() + timeout
        while len(latencies) < count and time.monotonic() < deadline:
            time.sleep(0.01)
        print(json.dumps({"latencies_ns": latencies, "received": len(latencies),
                          "first_ns": times[0] if times else 0, "last_ns": times[-1] if times else 0}), flush=True)
        rospy.signal_shutdown("done")


if __name__ == "__main__":
    main()
