package org.latentmpc.ros;

/** No node provides the requested service (the master's lookupService failed). */
public class ServiceNotFoundException extends ServiceException {
  private static final long serialVersionUID = 1L;

  public ServiceNotFoundException(String message) {
    super(message);
  }
}
