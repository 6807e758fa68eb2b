package io.malar.agent.tests.support;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The trace service of an OTLP/gRPC collector on 127.0.0.1: gRPC is HTTP/2 with length-prefixed
 * protobuf messages and the status in trailers, which this small servlet speaks.
 */
public final class OtlpGrpcReceiver implements AutoCloseable {
  private final Server server;
  private final List<Span> spans = new CopyOnWriteArrayList<>();

  private OtlpGrpcReceiver() throws Exception {
    server = new Server();
    ServerConnector connector = new ServerConnector(server, new HTTP2CServerConnectionFactory(new HttpConfiguration()));
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServlet(new ServletHolder(new TraceService()), "/opentelemetry.proto.collector.trace.v1.TraceService/Export");
    server.setHandler(context);
    server.start();
  }

  public static OtlpGrpcReceiver start() throws Exception {
    return new OtlpGrpcReceiver();
  }

  public String endpoint() {
    return "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }

  public List<Span> spans() {
    return List.copyOf(spans);
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }

  private final class TraceService extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
      DataInputStream in = new DataInputStream(request.getInputStream());
      boolean compressed = in.readUnsignedByte() == 1;
      byte[] message = new byte[in.readInt()];
      in.readFully(message);
      response.setContentType("application/grpc");
      response.setTrailerFields(() -> Map.of("grpc-status", compressed ? "12" : "0"));
      if (compressed) {
        return; // UNIMPLEMENTED: the agent sends uncompressed unless told otherwise
      }
      for (ResourceSpans resource : ExportTraceServiceRequest.parseFrom(message).getResourceSpansList()) {
        for (ScopeSpans scope : resource.getScopeSpansList()) {
          spans.addAll(scope.getSpansList());
        }
      }
      byte[] reply = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
      OutputStream out = response.getOutputStream();
      out.write(ByteBuffer.allocate(5).put((byte) 0).putInt(reply.length).array());
      out.write(reply);
    }
  }
}
