package io.malar.agent.bootstrap;

import java.io.File;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.util.jar.JarFile;

/**
 * The agent's entry point: the only class the system class loader loads from the agent jar.
 *
 * <p>It appends the agent jar to the bootstrap class path (whose root holds only this package
 * and the bridge) and hands over to the core, which lives under {@code inst/} in the same jar
 * and is loaded by an {@link AgentClassLoader} the application cannot see.
 */
public final class MalarAgent {
  private static final String STARTER = "io.malar.agent.core.AgentStarter";
  private static final String INFO = "io.malar.agent.core.AgentInfo";

  private MalarAgent() {}

  public static void premain(String agentArgs, Instrumentation instrumentation) {
    long startNanos = System.nanoTime();
    try {
      File jar = agentJar();
      instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(jar));
      ClassLoader core = new AgentClassLoader(jar, ClassLoader.getPlatformClassLoader());
      Method start =
          core.loadClass(STARTER)
              .getMethod("start", Instrumentation.class, String.class, File.class, long.class);
      start.invoke(null, instrumentation, agentArgs, jar, startNanos);
    } catch (Throwable t) {
      // The application must start whatever happens to the agent.
      System.err.println(
          "{\"level\":\"ERROR\",\"logger\":\"malar-agent\",\"message\":\"agent failed to start; the application runs without it\",\"error\":\""
              + String.valueOf(t).replace('"', '\'')
              + "\"}");
    }
  }

  public static void agentmain(String agentArgs, Instrumentation instrumentation) {
    premain(agentArgs, instrumentation);
  }

  /** {@code java -jar malar-agent.jar}: prints the version, instrumentations and settings. */
  public static void main(String[] args) throws Exception {
    ClassLoader core = new AgentClassLoader(agentJar(), MalarAgent.class.getClassLoader());
    core.loadClass(INFO).getMethod("main", String[].class).invoke(null, (Object) args);
  }

  private static File agentJar() throws URISyntaxException {
    return new File(MalarAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }
}
