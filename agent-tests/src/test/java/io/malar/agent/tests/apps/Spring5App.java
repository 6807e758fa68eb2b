package io.malar.agent.tests.apps;

import java.nio.file.Path;
import javax.servlet.Servlet;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.startup.Tomcat;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

/**
 * Spring MVC 5 on javax.servlet: plain {@code DispatcherServlet}s on embedded Tomcat 9, one mapped
 * at {@code /}, one below {@code /v2/*}. Compiled against Spring 6, run with Spring 5's jars in its
 * place: the dispatchers are created reflectively, as Spring 6's is a jakarta servlet.
 */
public final class Spring5App {
  @Configuration
  @EnableWebMvc
  @Import(ClinicController.class)
  public static class WebConfig {}

  public static void main(String[] args) throws Exception {
    Tomcat tomcat = TomcatApp.onAFreePort();
    Context context = tomcat.addContext("", null);
    dispatcher(context, "root", "/");
    dispatcher(context, "v2", "/v2/*");
    tomcat.start();
    System.out.println("dispatcher from " + Path.of(DispatcherServlet.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getFileName());
    System.out.println("READY " + tomcat.getConnector().getLocalPort());
    tomcat.getServer().await();
  }

  private static void dispatcher(Context context, String name, String mapping) throws ReflectiveOperationException {
    AnnotationConfigWebApplicationContext web = new AnnotationConfigWebApplicationContext();
    web.register(WebConfig.class);
    Servlet servlet = (Servlet) DispatcherServlet.class.getConstructor(WebApplicationContext.class).newInstance(web);
    Wrapper wrapper = Tomcat.addServlet(context, name, servlet);
    wrapper.setLoadOnStartup(1);
    wrapper.setAsyncSupported(true);
    context.addServletMappingDecoded(mapping, name);
  }
}
