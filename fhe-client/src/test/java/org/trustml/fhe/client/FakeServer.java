package org.trustml.fhe.client;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A tiny HTTP server for the client's tests: records every request and answers from handlers registered by method and
 * path (without the query); anything else is a 404 problem.
 */
final class FakeServer implements AutoCloseable {

  /** A request as received. */
  record Request(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {

    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
          .map(e -> e.getValue().get(0)).orElse(null);
    }

    String text() {
      return new String(body, StandardCharsets.ISO_8859_1);
    }
  }

  /** An answer. */
  record Response(int status, String contentType, byte[] body) {

    static Response json(int status, String body) {
      return new Response(status, status >= 400 ? "application/problem+json" : "application/json",
          body.getBytes(StandardCharsets.UTF_8));
    }
  }

  private final HttpServer server;
  private final Map<String, Function<Request, Response>> handlers = new HashMap<>();
  final List<Request> requests = new ArrayList<>();

  FakeServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      Request r = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
          exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()),
          exchange.getRequestBody().readAllBytes());
      Response answer;
      synchronized (this) {
        requests.add(r);
        Function<Request, Response> h = handlers.get(r.method() + " " + r.path());
        answer = h != null ? h.apply(r) : Response.json(404, "{\"type\":\"urn:trustml:problem:not-found\","
            + "\"status\":404,\"detail\":\"no " + r.path() + "\"}");
      }
      exchange.getResponseHeaders().add("Content-Type", answer.contentType());
      exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
      exchange.getResponseBody().write(answer.body());
      exchange.close();
    });
    server.start();
  }

  synchronized FakeServer on(String method, String path, Function<Request, Response> handler) {
    handlers.put(method + " " + path, handler);
    return this;
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  synchronized Request last() {
    return requests.get(requests.size() - 1);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
