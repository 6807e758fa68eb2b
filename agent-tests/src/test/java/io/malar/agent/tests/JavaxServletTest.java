package io.malar.agent.tests;

import io.malar.agent.tests.apps.TomcatApp;
import org.junit.jupiter.api.BeforeAll;

/** javax.servlet 4 on embedded Tomcat 9. */
class JavaxServletTest extends ServletContractTest {
  @BeforeAll
  static void startTomcat() throws Exception {
    start(TomcatApp.class);
  }
}
