package io.malar.agent.instrumentation.servlet.javax;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.security.Principal;
import javax.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

class JavaxServletAccessorTest {
  private final JavaxServletAccessor accessor = new JavaxServletAccessor();

  @Test
  void remoteUserIsTheContainersElseThePrincipalsName() {
    assertThat(accessor.remoteUser(request("farmer-anbu", () -> "anbu@market"))).isEqualTo("farmer-anbu");
    assertThat(accessor.remoteUser(request(null, () -> "farmer-selvi"))).isEqualTo("farmer-selvi");
    assertThat(accessor.remoteUser(request(null, null))).isNull();
  }

  /** A request that can only tell who its user is. */
  private static HttpServletRequest request(String remoteUser, Principal principal) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            HttpServletRequest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getRemoteUser" -> remoteUser;
                  case "getUserPrincipal" -> principal;
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }
}
