// A roscpp node for interop tests of the embedded master (XmlRpc++ client and server).
// Publishes /cpp_chatter, subscribes /java_topic, sets and reads parameters, prints what it got.
#include <ros/ros.h>
#include <std_msgs/String.h>

static void onMessage(const std_msgs::String::ConstPtr& msg) {}

int main(int argc, char** argv) {
  ros::init(argc, argv, "cpp_node");
  ros::NodeHandle nh;
  ros::Publisher pub = nh.advertise<std_msgs::String>("cpp_chatter", 10);
  ros::Subscriber sub = nh.subscribe("java_topic", 10, onMessage);
  nh.setParam("cpp/int", 42);
  nh.setParam("cpp/str", std::string("hello <xml> & more"));
  nh.setParam("cpp/double", 0.25);
  nh.setParam("cpp/bool", true);
  int i = 0;
  std::string s;
  double d = 0;
  bool b = false;
  nh.getParam("/cfg/int", i);
  nh.getParam("/cfg/str", s);
  nh.getParam("/cfg/double", d);
  nh.getParam("/cfg/bool", b);
  printf("GOT %d|%s|%g|%d\n", i, s.c_str(), d, b ? 1 : 0);
  printf("READY\n");
  fflush(stdout);
  ros::spin();
  printf("EXITING\n");
  fflush(stdout);
  return 0;
}
