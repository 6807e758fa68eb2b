package io.malar.agent.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceNamesTest {
  @Test
  void nameFromTheMainJarOrClass() {
    assertThat(ServiceNames.fromCommand("/opt/ledger/malar-ledger.jar --port 8080")).isEqualTo("malar-ledger");
    assertThat(ServiceNames.fromCommand("io.malar.ledger.LedgerApp serve")).isEqualTo("LedgerApp");
    assertThat(ServiceNames.fromCommand("Main")).isEqualTo("Main");
    assertThat(ServiceNames.fromCommand(null)).isEqualTo("unknown_service:java");
    assertThat(ServiceNames.fromCommand("  ")).isEqualTo("unknown_service:java");
  }

  @Test
  void versionFromTheMainJarsManifest(@TempDir Path dir) throws IOException {
    Path jar = dir.resolve("ledger.jar");
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, "2.3.1");
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
      // a jar with only its manifest
    }
    assertThat(ServiceNames.versionFromCommand(jar + " serve")).isEqualTo("2.3.1");
    assertThat(ServiceNames.versionFromCommand(dir.resolve("missing.jar").toString())).isNull();
    assertThat(ServiceNames.versionFromCommand("io.malar.ledger.LedgerApp")).isNull();
  }
}
