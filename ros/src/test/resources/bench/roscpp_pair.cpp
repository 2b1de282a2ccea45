// One side of the roscpp latency/throughput pair used by the TCPROS benchmark (same protocol as rospy_pair.py):
//   roscpp_pair pub|sub TOPIC N COUNT RATE_HZ TIMEOUT_S
// pub publishes COUNT std_msgs/Float64MultiArray of N doubles, data[0] = CLOCK_MONOTONIC ns at publish time.
// sub prints one JSON line with the latencies (ns), the received count and the first/last receive times.
#include <ros/ros.h>
#include <std_msgs/Float64MultiArray.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

static long long monotonicNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

int main(int argc, char** argv) {
  if (argc < 7) {
    std::fprintf(stderr, "usage: roscpp_pair pub|sub TOPIC N COUNT RATE TIMEOUT\n");
    return 2;
  }
  std::string role = argv[1], topic = argv[2];
  int n = std::atoi(argv[3]), count = std::atoi(argv[4]);
  double rate = std::atof(argv[5]), timeoutS = std::atof(argv[6]);
  ros::init(argc, argv, role == "pub" ? "bench_roscpp_pub" : "bench_roscpp_sub",
            ros::init_options::AnonymousName | ros::init_options::NoSigintHandler);
  ros::NodeHandle nh;
  long long deadline = monotonicNs() + (long long)(timeoutS * 1e9);
  if (role == "pub") {
    ros::Publisher pub = nh.advertise<std_msgs::Float64MultiArray>(topic, count + 1);
    while (pub.getNumSubscribers() < 1 && monotonicNs() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    std_msgs::Float64MultiArray msg;
    msg.data.assign(n, 0.0);
    long long periodNs = rate > 0 ? (long long)(1e9 / rate) : 0;
    for (int i = 0; i < count && ros::ok(); ++i) {
      msg.data[0] = (double)monotonicNs();
      pub.publish(msg);
      if (periodNs) std::this_thread::sleep_for(std::chrono::nanoseconds(periodNs));
    }
    std::this_thread::sleep_for(std::chrono::seconds(timeoutS < 3 ? (int)timeoutS : 3));
  } else {
    std::vector<long long> latencies, times;
    latencies.reserve(count);
    times.reserve(count);
    ros::Subscriber sub = nh.subscribe<std_msgs::Float64MultiArray>(
        topic, count + 1,
        [&](const std_msgs::Float64MultiArray::ConstPtr& msg) {
          long long now = monotonicNs();
          latencies.push_back(now - (long long)msg->data[0]);
          times.push_back(now);
        },
        ros::VoidConstPtr(), ros::TransportHints().tcpNoDelay());
    std::printf("READY\n");
    std::fflush(stdout);
    ros::AsyncSpinner spinner(1);
    spinner.start();
    while ((int)latencies.size() < count && monotonicNs() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    spinner.stop();
    std::printf("{\"latencies_ns\": [");
    for (size_t i = 0; i < latencies.size(); ++i) std::printf(i ? ",%lld" : "%lld", latencies[i]);
    std::printf("], \"received\": %zu, \"first_ns\": %lld, \"last_ns\": %lld}\n", latencies.size(),
                times.empty() ? 0LL : times.front(), times.empty() ? 0LL : times.back());
    std::fflush(stdout);
  }
  ros::shutdown();
  return 0;
}
