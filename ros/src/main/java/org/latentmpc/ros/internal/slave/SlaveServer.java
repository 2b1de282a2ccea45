package org.latentmpc.ros.internal.slave;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.latentmpc.ros.internal.master.RosRpc;
import org.latentmpc.ros.internal.master.RosRpcException;
import org.latentmpc.ros.internal.master.TopicType;
import org.latentmpc.ros.internal.xmlrpc.XmlRpcHandler;
import org.latentmpc.ros.internal.xmlrpc.XmlRpcServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a node's slave API (the XML-RPC URI it registers with the master) and dispatches to a
 * {@link SlaveHandler}: requestTopic, publisherUpdate, paramUpdate, getBusInfo, getBusStats,
 * getSubscriptions, getPublications, shutdown; getPid and getMasterUri are answered here. Arguments
 * are checked (arity and types) and answered with code -1 when wrong, as rospy does; an unknown
 * method gets an XML-RPC fault.
 */
public final class SlaveServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SlaveServer.class);

  private final XmlRpcServer server;
  private final SlaveHandler handler;
  private final String masterUri;

  private SlaveServer(
      String host, int port, String masterUri, SlaveHandler handler, XmlRpcServer.Options options)
      throws IOException {
    this.handler = Objects.requireNonNull(handler, "handler");
    this.masterUri = Objects.requireNonNull(masterUri, "masterUri");
    this.server = XmlRpcServer.start(host, port, this::invoke, options);
  }

  /**
   * Binds the slave API to {@code host} ({@code port} 0: any free port) and starts serving.
   *
   * @param masterUri what getMasterUri answers
   * @throws IOException when the address cannot be bound
   */
  public static SlaveServer start(String host, int port, String masterUri, SlaveHandler handler)
      throws IOException {
    return new SlaveServer(host, port, masterUri, handler, XmlRpcServer.Options.defaults());
  }

  /** {@link #start(String, int, String, SlaveHandler)} with explicit server limits. */
  public static SlaveServer start(
      String host, int port, String masterUri, SlaveHandler handler, XmlRpcServer.Options options)
      throws IOException {
    return new SlaveServer(host, port, masterUri, handler, options);
  }

  /** The URI to register with the master, {@code http://host:port/}. */
  public String uri() {
    return server.uri();
  }

  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.close();
  }

  private Object invoke(String method, List<Object> params) {
    Args a = new Args(method, params);
    try {
      switch (method) {
        case "getPid":
          a.arity(1);
          return RosRpc.reply(1, "", (int) ProcessHandle.current().pid());
        case "getMasterUri":
          a.arity(1);
          return RosRpc.reply(1, "", masterUri);
        case "requestTopic":
          {
            a.arity(3);
            List<List<Object>> protocols = new ArrayList<>();
            for (Object p : a.list(2)) {
              if (!(p instanceof List<?> l)) {
                throw RosRpcException.failure(-1, "protocols must be a list of lists");
              }
              protocols.add(new ArrayList<>(l));
            }
            List<Object> chosen = handler.requestTopic(a.callerId(), a.string(1), protocols);
            return RosRpc.reply(1, "ready", chosen);
          }
        case "publisherUpdate":
          {
            a.arity(3);
            List<String> uris = new ArrayList<>();
            for (Object u : a.list(2)) {
              if (!(u instanceof String s)) {
                throw RosRpcException.failure(-1, "publishers must be a list of URIs");
              }
              uris.add(s);
            }
            handler.publisherUpdate(a.callerId(), a.string(1), uris);
            return RosRpc.reply(1, "", 0);
          }
        case "paramUpdate":
          a.arity(3);
          handler.paramUpdate(a.callerId(), a.string(1), params.get(2));
          return RosRpc.reply(1, "", 0);
        case "getBusInfo":
          {
            a.arity(1);
            List<Object> rows = new ArrayList<>();
            for (BusInfo b : handler.getBusInfo(a.callerId())) {
              rows.add(b.toList());
            }
            return RosRpc.reply(1, "bus info", rows);
          }
        case "getBusStats":
          a.arity(1);
          return RosRpc.reply(1, "", handler.getBusStats(a.callerId()));
        case "getSubscriptions":
          a.arity(1);
          return RosRpc.reply(1, "subscriptions", toLists(handler.getSubscriptions(a.callerId())));
        case "getPublications":
          a.arity(1);
          return RosRpc.reply(1, "publications", toLists(handler.getPublications(a.callerId())));
        case "shutdown":
          {
            if (params.size() != 1 && params.size() != 2) {
              throw RosRpcException.failure(-1, "Error: bad call arity");
            }
            String caller = a.callerId();
            String reason = params.size() == 2 ? String.valueOf(params.get(1)) : "";
            XmlRpcServer.runAfterResponse(() -> handler.shutdown(caller, reason));
            return RosRpc.reply(1, "shutdown", 0);
          }
        default:
          throw XmlRpcHandler.noSuchMethod(method);
      }
    } catch (RosRpcException e) {
      return RosRpc.reply(e.code(), e.statusMessage(), 0);
    } catch (org.latentmpc.ros.internal.xmlrpc.XmlRpcFault fault) {
      throw fault;
    } catch (RuntimeException e) {
      LOG.warn("slave API {} failed", method, e);
      return RosRpc.reply(0, "Internal failure: " + e, 0);
    }
  }

  private static List<Object> toLists(List<TopicType> types) {
    List<Object> out = new ArrayList<>(types.size());
    for (TopicType t : types) {
      out.add(t.toList());
    }
    return out;
  }

  /** Checked access to call arguments; failures answer code -1 as rospy's apivalidate does. */
  private record Args(String method, List<Object> params) {
    void arity(int n) {
      if (params.size() != n) {
        throw RosRpcException.failure(-1, "Error: bad call arity");
      }
      callerId();
    }

    String callerId() {
      if (params.isEmpty() || !(params.get(0) instanceof String s)) {
        throw RosRpcException.failure(-1, "caller_id must be a string");
      }
      return s;
    }

    String string(int i) {
      if (!(params.get(i) instanceof String s) || s.isEmpty()) {
        throw RosRpcException.failure(
            -1, "ERROR: parameter " + i + " of " + method + " must be a non-empty string");
      }
      return s;
    }

    List<?> list(int i) {
      if (!(params.get(i) instanceof List<?> l)) {
        throw RosRpcException.failure(
            -1, "ERROR: parameter " + i + " of " + method + " must be a list");
      }
      return l;
    }
  }
}
