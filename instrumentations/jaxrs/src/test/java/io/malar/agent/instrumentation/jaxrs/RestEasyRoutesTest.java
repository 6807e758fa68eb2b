package io.malar.agent.instrumentation.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import io.malar.agent.bridge.AdviceErrors;
import io.malar.agent.bridge.RouteBridge;
import io.malar.agent.core.instrument.BridgeOnlyLoader;
import io.malar.agent.core.instrument.ModuleInstaller;
import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The RESTEasy advice, installed by the core's installer, on a real RESTEasy 6 dispatcher.
 *
 * <p>The installer leaves the class loader that holds the agent alone, which in this test is the
 * application class loader; so RESTEasy and the clinic are loaded again by a loader of their own
 * that, like any class loader under a real agent, sees the bridge.
 */
class RestEasyRoutesTest {
  private static final List<String> routed = new CopyOnWriteArrayList<>();
  private static final List<Throwable> adviceErrors = new CopyOnWriteArrayList<>();
  private static Method get;

  @BeforeAll
  static void installTheAdvice() throws Exception {
    AdviceErrors.setListener(adviceErrors::add);
    RouteBridge.install((base, template) -> routed.add(base + " " + template));
    ModuleInstaller.register(ByteBuddyAgent.install(), List.of(new JaxRsInstrumentationModule()), System.nanoTime()).complete();
    List<URL> classPath = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      classPath.add(Path.of(entry).toUri().toURL());
    }
    ClassLoader application = new URLClassLoader(classPath.toArray(new URL[0]), new BridgeOnlyLoader());
    get = application.loadClass(RestEasyClinic.class.getName()).getMethod("get", String.class);
  }

  @Test
  void aRoutedRequestIsNamedByTheResourceAndMethodPathsBelowTheBase() throws Exception {
    routed.clear();
    assertThat(get.invoke(null, "/owners/17")).isEqualTo(204);
    assertThat(get.invoke(null, "/owners/18")).isEqualTo(204);
    assertThat(get.invoke(null, "/owners/17/pets/3")).isEqualTo(204);
    assertThat(get.invoke(null, "/vets.html")).isEqualTo(204);
    // the paths as the annotations write them: the servlet instrumentation joins them with one slash
    assertThat(routed).containsExactly(
        "/clinic/api/ owners/{id}",
        "/clinic/api/ owners/{id}",
        "/clinic/api/ owners/{id}/pets/{petId}",
        "/clinic/api/ /vets.html");
    assertThat(adviceErrors).isEmpty();
  }

  @Test
  void anUnmatchedRequestIsNotRouted() throws Exception {
    routed.clear();
    assertThat(get.invoke(null, "/no-such-page-4711")).isEqualTo(404);
    assertThat(routed).isEmpty();
    assertThat(adviceErrors).isEmpty();
  }
}
