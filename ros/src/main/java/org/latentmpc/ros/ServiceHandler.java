package org.latentmpc.ros;

/**
 * Answers service requests: fill {@code response} from {@code request}. Throwing (a {@link
 * ServiceException} or any other exception) sends an error response ({@code ok=0} with the
 * exception's message) to the caller.
 */
@FunctionalInterface
public interface ServiceHandler<Q extends Message, R extends Message> {
  void handle(Q request, R response) throws ServiceException;
}
