package io.malar.agent.instrumentation.opentelemetryapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.malar.agent.instrumentation.opentelemetryapi.application.ApplicationApiFactory;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ApplicationApiFactoryTest {
  /** A helper missing from the list would link only when the application first used it. */
  @Test
  void theFactoryLinksEveryHelper() throws IOException, URISyntaxException, ReflectiveOperationException {
    Path classes = Path.of(ApplicationApiFactory.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path helpers = classes.resolve(ApplicationApis.HELPER_PACKAGE.replace('.', '/'));
    Set<String> compiled;
    try (Stream<Path> files = Files.list(helpers)) {
      compiled =
          files.map(file -> file.getFileName().toString())
              .filter(name -> name.endsWith(".class") && !name.equals("package-info.class") && !name.equals("ApplicationApiFactory.class"))
              .map(name -> ApplicationApis.HELPER_PACKAGE + name.substring(0, name.length() - ".class".length()))
              .collect(Collectors.toSet());
    }
    Field listed = ApplicationApiFactory.class.getDeclaredField("HELPERS");
    listed.setAccessible(true);
    List<?> helperClasses = (List<?>) listed.get(null);

    assertThat(helperClasses.stream().map(helper -> ((Class<?>) helper).getName()).collect(Collectors.toSet()))
        .isEqualTo(compiled);
  }
}
