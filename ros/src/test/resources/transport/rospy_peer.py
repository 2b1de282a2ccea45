"""A rospy peer for the TCPROS interop test: 'talker' publishes /py_chatter and serves /py_set;
'listener' prints every message it gets on /java_chatter."""
import sys

import rospy
from std_msgs.msg import String
from std_srvs.srv import SetBool, SetBoolResponse


def talker():
    rospy.init_node('py_talker', disable_signals=True)
    pub = rospy.Publisher('/py_chatter', String, queue_size=10)

    def handle(req):
        if not req.data:
            raise rospy.ServiceException('py refuses false')
        return SetBoolResponse(True, 'py got true')

    rospy.Service('/py_set', SetBool, handle)
    print('READY', flush=True)
    i = 0
    while not rospy.is_shutdown():
        pub.publish(String('hello %d' % i))
        i += 1
        rospy.sleep(0.05)


def listener():
    rospy.init_node('py_listener', disable_signals=True)
    rospy.Subscriber('/java_chatter', String, lambda m: print('GOT ' + m.data, flush=True))
    print('READY', flush=True)
    rospy.spin()


if __name__ == '__main__':
    {'talker': talker, 'listener': listener}[sys.argv[1]]()
