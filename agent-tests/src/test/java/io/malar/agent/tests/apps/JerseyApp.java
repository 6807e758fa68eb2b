package io.malar.agent.tests.apps;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.net.InetSocketAddress;
import java.sql.SQLException;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;

/** Jersey 3 on embedded Jetty 12, its servlet mapped at {@code /api/*}: class- and method-level {@code @Path}. */
public final class JerseyApp {
  @Path("/owners")
  public static class Owners {
    @GET
    @Path("/{id}")
    public String owner(@PathParam("id") int id) {
      return "owner " + id;
    }

    @GET
    @Path("{id}/pets")
    public String pets(@PathParam("id") int id) throws SQLException {
      return ClinicQueries.petsOneByOne(id) + " pets";
    }

    @GET
    @Path("{id}/pets/{petId}")
    public String pet(@PathParam("id") int id, @PathParam("petId") int petId) {
      return "pet " + petId + " of owner " + id;
    }
  }

  @Path("/")
  public static class Clinic {
    @GET
    @Path("vets.html")
    public String vets() {
      return "vets";
    }

    @GET
    @Path("/oups")
    public String oups() {
      throw new IllegalStateException("the clinic's resource failed on purpose");
    }
  }

  public static void main(String[] args) throws Exception {
    Server server = new Server(new InetSocketAddress("127.0.0.1", 0));
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServlet(new ServletHolder(new ServletContainer(new ResourceConfig(Owners.class, Clinic.class))), "/api/*");
    server.setHandler(context);
    server.start();
    System.out.println("READY " + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
    server.join();
  }
}
