package io.malar.agent.instrumentation.jaxrs;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.net.URI;
import org.jboss.resteasy.mock.MockDispatcherFactory;
import org.jboss.resteasy.mock.MockHttpRequest;
import org.jboss.resteasy.mock.MockHttpResponse;
import org.jboss.resteasy.spi.Dispatcher;

/**
 * A RESTEasy application served in memory, below {@code /clinic/api/}: class- and method-level
 * {@code @Path}; its resources answer 204 (the bare dispatcher has no entity writers).
 */
public final class RestEasyClinic {
  private static final Dispatcher DISPATCHER = MockDispatcherFactory.createDispatcher();

  static {
    DISPATCHER.getRegistry().addPerRequestResource(Owners.class);
    DISPATCHER.getRegistry().addPerRequestResource(Vets.class);
  }

  private RestEasyClinic() {}

  /** GETs {@code path} below the application's base; returns the status. */
  public static int get(String path) throws Exception {
    MockHttpRequest request = MockHttpRequest.create("GET", URI.create("http://localhost/clinic/api" + path), URI.create("http://localhost/clinic/api/"));
    MockHttpResponse response = new MockHttpResponse();
    DISPATCHER.invoke(request, response);
    return response.getStatus();
  }

  @Path("owners")
  public static class Owners {
    @GET
    @Path("{id}")
    public void owner(@PathParam("id") int id) {}

    @GET
    @Path("/{id}/pets/{petId}")
    public void pet(@PathParam("id") int id, @PathParam("petId") int petId) {}
  }

  @Path("/vets.html")
  public static class Vets {
    @GET
    public void vets() {}
  }
}
