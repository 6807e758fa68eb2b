package io.malar.agent.core.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Opcodes;
import org.junit.jupiter.api.Test;

class LibraryCandidatesTest {
  private final ClassFiles loader = new ClassFiles();
  private final LibraryCandidates candidates =
      new LibraryCandidates(
          null,
          TypeSelection.union(
              Arrays.asList(
                  TypeSelection.subtypesOf("java.sql.Connection"),
                  TypeSelection.names("org.example.Named"),
                  TypeSelection.namePrefix("org.example.generated."))));

  LibraryCandidatesTest() {
    loader.define("org/example/DriverConnection", "java/lang/Object", "java/sql/Connection");
    loader.define("org/example/PooledConnection", "org/example/DriverConnection");
    loader.define("org/example/Unrelated", "java/util/AbstractList", "java/lang/Runnable");
    loader.define("org/example/Orphan", "org/example/Missing");
  }

  @Test
  void aClassReachingASelectedSupertypeThroughItsHierarchyIsACandidate() {
    assertThat(candidates.isCandidate(loader, "org/example/PooledConnection", null)).isTrue();
    assertThat(candidates.isCandidate(loader, "org/example/DriverConnection", null)).isTrue();
  }

  @Test
  void aClassWhoseWholeHierarchyIsReadAndMissesIsNot() {
    assertThat(candidates.isCandidate(loader, "org/example/Unrelated", null)).isFalse();
  }

  @Test
  void theClassFileBeingLoadedIsReadFromTheBytesGiven() {
    byte[] pooled = ClassFiles.classFile("org/example/Another", "org/example/PooledConnection");
    assertThat(candidates.isCandidate(loader, "org/example/Another", pooled)).isTrue();
  }

  @Test
  void namesAndPrefixesSelectWithoutReadingAnything() {
    assertThat(candidates.isCandidate(loader, "org/example/Named", null)).isTrue();
    assertThat(candidates.isCandidate(loader, "org/example/generated/Anything", null)).isTrue();
  }

  @Test
  void aSupertypeWhoseClassFileCannotBeFoundLeavesTheDecisionToTheMatchers() {
    assertThat(candidates.isCandidate(loader, "org/example/Orphan", null)).isTrue();
  }

  @Test
  void ignoredNamesAndLoadersAreNeverCandidates() {
    assertThat(candidates.isCandidate(null, "org/example/PooledConnection", null)).isFalse();
    assertThat(candidates.isCandidate(ClassLoader.getPlatformClassLoader(), "org/example/PooledConnection", null))
        .isFalse();
    loader.define("org/h2/engine/SomeConnection", "java/lang/Object", "java/sql/Connection");
    assertThat(candidates.isCandidate(loader, "org/h2/engine/SomeConnection", null)).isFalse();
    assertThat(candidates.isCandidate(loader, null, null)).isFalse();
  }

  /** A loader that serves generated class files as resources and defines nothing. */
  private static final class ClassFiles extends ClassLoader {
    private final Map<String, byte[]> files = new HashMap<>();

    ClassFiles() {
      super(ClassLoader.getPlatformClassLoader());
    }

    void define(String name, String superName, String... interfaces) {
      files.put(name + ".class", classFile(name, superName, interfaces));
    }

    @Override
    public InputStream getResourceAsStream(String name) {
      byte[] file = files.get(name);
      return file != null ? new ByteArrayInputStream(file) : super.getResourceAsStream(name);
    }

    static byte[] classFile(String name, String superName, String... interfaces) {
      ClassWriter writer = new ClassWriter(0);
      writer.visit(Opcodes.V11, Opcodes.ACC_PUBLIC | Opcodes.ACC_ABSTRACT, name, null, superName, interfaces);
      writer.visitEnd();
      return writer.toByteArray();
    }
  }
}
