package io.malar.agent.instrumentation.servlet.javax;

import io.malar.agent.bridge.ServletAccessor;
import io.malar.agent.instrumentation.servlet.Routes;
import java.security.Principal;
import javax.servlet.AsyncEvent;
import javax.servlet.AsyncListener;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletMapping;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * {@link ServletAccessor} for {@code javax.servlet} 3.0 to 4.x (and, generated from this file,
 * {@code jakarta.servlet} 5.0 to 6.1), defined next to the application's
 * servlet API. Servlet 3.x has no {@code HttpServletMapping}: the route then falls back to the
 * servlet path.
 */
public final class JavaxServletAccessor implements ServletAccessor {
  private volatile boolean mappingApiPresent = true;

  private static HttpServletRequest http(Object request) {
    return (HttpServletRequest) request;
  }

  @Override
  public boolean isHttp(Object request) {
    return request instanceof HttpServletRequest;
  }

  @Override
  public String method(Object request) {
    return http(request).getMethod();
  }

  @Override
  public String scheme(Object request) {
    return http(request).getScheme();
  }

  @Override
  public String serverName(Object request) {
    return http(request).getServerName();
  }

  @Override
  public int serverPort(Object request) {
    return http(request).getServerPort();
  }

  @Override
  public String requestUri(Object request) {
    return http(request).getRequestURI();
  }

  @Override
  public String queryString(Object request) {
    return http(request).getQueryString();
  }

  @Override
  public String header(Object request, String name) {
    return http(request).getHeader(name);
  }

  @Override
  public String remoteAddress(Object request) {
    return http(request).getRemoteAddr();
  }

  @Override
  public String remoteUser(Object request) {
    HttpServletRequest http = http(request);
    String user = http.getRemoteUser();
    if (user != null) {
      return user;
    }
    Principal principal = http.getUserPrincipal();
    return principal == null ? null : principal.getName();
  }

  @Override
  public String protocol(Object request) {
    return http(request).getProtocol();
  }

  @Override
  public String route(Object request) {
    HttpServletRequest http = http(request);
    if (mappingApiPresent) {
      try {
        HttpServletMapping mapping = http.getHttpServletMapping();
        if (mapping != null && mapping.getMappingMatch() != null) {
          return Routes.under(http.getContextPath(), Routes.of(mapping.getMappingMatch().name(), mapping.getPattern()));
        }
        return null;
      } catch (LinkageError servlet3) {
        mappingApiPresent = false;
      }
    }
    return Routes.under(http.getContextPath(), Routes.fromPaths(http.getServletPath(), http.getPathInfo()));
  }

  @Override
  public Object attribute(Object request, String name) {
    return http(request).getAttribute(name);
  }

  @Override
  public void setAttribute(Object request, String name, Object value) {
    http(request).setAttribute(name, value);
  }

  @Override
  public int status(Object response) {
    return response instanceof HttpServletResponse ? ((HttpServletResponse) response).getStatus() : 0;
  }

  @Override
  public boolean isAsyncStarted(Object request) {
    return http(request).isAsyncStarted();
  }

  @Override
  public void onAsyncEnd(Object request, AsyncCompletion completion) {
    http(request).getAsyncContext().addListener(new Listener(completion));
  }

  /** Ends the request's span when its asynchronous processing ends, on whatever thread. */
  private static final class Listener implements AsyncListener {
    private final AsyncCompletion completion;

    Listener(AsyncCompletion completion) {
      this.completion = completion;
    }

    @Override
    public void onComplete(AsyncEvent event) {
      completion.asyncEnded(response(event), event.getThrowable());
    }

    @Override
    public void onTimeout(AsyncEvent event) {
      completion.asyncEnded(response(event), event.getThrowable());
    }

    @Override
    public void onError(AsyncEvent event) {
      completion.asyncEnded(response(event), event.getThrowable());
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
      // a new asynchronous cycle: keep listening (the container drops listeners on restart)
      event.getAsyncContext().addListener(this);
    }

    private static ServletResponse response(AsyncEvent event) {
      return event.getSuppliedResponse() != null
          ? event.getSuppliedResponse()
          : event.getAsyncContext().getResponse();
    }
  }
}
