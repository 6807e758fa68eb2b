package io.malar.agent.tests;

import io.malar.agent.tests.apps.JettyApp;
import org.junit.jupiter.api.BeforeAll;

/** jakarta.servlet 6 on embedded Jetty 12. */
class JakartaServletTest extends ServletContractTest {
  @BeforeAll
  static void startJetty() throws Exception {
    start(JettyApp.class);
  }
}
