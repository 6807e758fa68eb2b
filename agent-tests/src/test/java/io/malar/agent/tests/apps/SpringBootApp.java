package io.malar.agent.tests.apps;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * A Spring Boot 3 application (Spring MVC 6 on jakarta.servlet, embedded Tomcat 10.1), its
 * dispatcher mapped at {@code /} as Spring Boot maps it. Only the web auto-configuration is imported:
 * the test class path carries libraries (H2, HikariCP...) the application does not use.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({
  ServletWebServerFactoryAutoConfiguration.class,
  DispatcherServletAutoConfiguration.class,
  WebMvcAutoConfiguration.class,
  ErrorMvcAutoConfiguration.class
})
@Import(ClinicController.class)
public class SpringBootApp {
  public static void main(String[] args) {
    SpringApplication application = new SpringApplication(SpringBootApp.class);
    application.setDefaultProperties(
        java.util.Map.of("server.port", "0", "server.address", "127.0.0.1", "spring.main.banner-mode", "off"));
    ServletWebServerApplicationContext context = (ServletWebServerApplicationContext) application.run(args);
    System.out.println("READY " + context.getWebServer().getPort());
  }
}
