package io.malar.agent.tests.apps;

import java.io.IOException;
import java.nio.file.Files;
import javax.servlet.http.HttpServlet;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/** javax.servlet on embedded Tomcat 9: the same routes as {@link JettyApp}. */
public final class TomcatApp {
  public static void main(String[] args) throws Exception {
    LedgerWork work = new LedgerWork();
    Tomcat tomcat = onLoopback();
    Context context = tomcat.addContext("", null);
    filter(context, "first");
    filter(context, "second");
    servlet(context, "farmers", new JavaxTestServlets.Farmers(work), "/api/v1/farmers/*");
    servlet(context, "slow", new JavaxTestServlets.Slow(), "/async/*");
    servlet(context, "boom", new JavaxTestServlets.Boom(), "/boom");
    servlet(context, "unavailable", new JavaxTestServlets.Unavailable(), "/unavailable");
    tomcat.start();
    System.out.println("READY " + tomcat.getConnector().getLocalPort());
    tomcat.getServer().await();
  }

  /** A Tomcat listening on a free port of 127.0.0.1, with a base directory of its own. */
  static Tomcat onLoopback() throws IOException {
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(Files.createTempDirectory("tomcat").toString());
    Connector connector = new Connector();
    connector.setPort(0);
    connector.setProperty("address", "127.0.0.1");
    tomcat.setConnector(connector);
    return tomcat;
  }

  private static void filter(Context context, String name) {
    FilterDef definition = new FilterDef();
    definition.setFilterName(name);
    definition.setFilter(new JavaxTestServlets.PassThrough());
    definition.setAsyncSupported("true");
    context.addFilterDef(definition);
    FilterMap mapping = new FilterMap();
    mapping.setFilterName(name);
    mapping.addURLPattern("/*");
    context.addFilterMap(mapping);
  }

  private static void servlet(Context context, String name, HttpServlet servlet, String pattern) {
    Wrapper wrapper = Tomcat.addServlet(context, name, servlet);
    wrapper.setAsyncSupported(true);
    context.addServletMappingDecoded(pattern, name);
  }
}
