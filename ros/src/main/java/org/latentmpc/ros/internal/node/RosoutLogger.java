package org.latentmpc.ros.internal.node;

import java.util.function.Supplier;
import org.latentmpc.ros.Publisher;
import org.latentmpc.ros.Time;
import org.latentmpc.ros.msgs.rosgraph_msgs.Log;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * A node's logger: everything goes to SLF4J as usual, and INFO and above is also published on
 * {@code /rosout} (as rosgraph_msgs/Log, the way rospy and roscpp do) once the node's rosout
 * publisher exists.
 */
final class RosoutLogger extends LegacyAbstractLogger {
  private static final long serialVersionUID = 1L;

  private final transient Logger delegate;
  private final String nodeName;
  private final transient Supplier<Time> clock;
  private transient volatile Publisher<Log> rosout;
  private transient volatile String[] topics = new String[0];

  RosoutLogger(String nodeName, Supplier<Time> clock) {
    this.delegate = LoggerFactory.getLogger("ros" + nodeName.replace('/', '.'));
    this.nodeName = nodeName;
    this.clock = clock;
    this.name = delegate.getName();
  }

  void attach(Publisher<Log> publisher) {
    this.rosout = publisher;
  }

  void detach() {
    this.rosout = null;
  }

  /** The node's current publications, reported in each Log message's {@code topics} field. */
  void setTopics(String[] topics) {
    this.topics = topics;
  }

  @Override
  public boolean isTraceEnabled() {
    return delegate.isTraceEnabled();
  }

  @Override
  public boolean isDebugEnabled() {
    return delegate.isDebugEnabled();
  }

  @Override
  public boolean isInfoEnabled() {
    return true;
  }

  @Override
  public boolean isWarnEnabled() {
    return true;
  }

  @Override
  public boolean isErrorEnabled() {
    return true;
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(
      Level level,
      org.slf4j.Marker marker,
      String messagePattern,
      Object[] arguments,
      Throwable throwable) {
    String text = MessageFormatter.basicArrayFormat(messagePattern, arguments);
    delegate.atLevel(level).setCause(throwable).log(text);
    Publisher<Log> publisher = rosout;
    if (publisher == null || level.toInt() < Level.INFO.toInt()) {
      return;
    }
    Log log = new Log();
    log.getHeader().setStamp(clock.get());
    log.setLevel(rosLevel(level));
    log.setName(nodeName);
    log.setMsg(throwable == null ? text : text + ": " + throwable);
    log.setFile("");
    log.setFunction("");
    log.setTopics(topics);
    try {
      publisher.publish(log);
    } catch (RuntimeException e) {
      delegate.debug("could not publish to /rosout", e);
    }
  }

  private static byte rosLevel(Level level) {
    switch (level) {
      case ERROR:
        return Log.ERROR;
      case WARN:
        return Log.WARN;
      case INFO:
        return Log.INFO;
      default:
        return Log.DEBUG;
    }
  }
}
