package org.latentmpc.ros.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The hand-written test types carry the md5s real ROS uses (ros1-wire-facts.md). */
class TestMessagesTest {
  @Test
  void md5sMatchRealRos() {
    assertEquals("992ce8a1687cec8c8bd883ec73ca41d1", TestMessages.StringMsg.TYPE.md5());
    assertEquals("937c9679a518e3a18d831e57125ea522", TestMessages.TRIGGER.md5());
    assertEquals("09fb03525b03e7ea1fd3992bafd87e16", TestMessages.SET_BOOL.md5());
  }
}
