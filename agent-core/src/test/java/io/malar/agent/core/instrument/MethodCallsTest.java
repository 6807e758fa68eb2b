package io.malar.agent.core.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.method.MethodList;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.matcher.ElementMatchers;
import net.bytebuddy.pool.TypePool;
import org.junit.jupiter.api.Test;

class MethodCallsTest {
  private static final String CLIENT = "org/example/Client";
  private final ElementMatcher.Junction<MethodDescription> callingExecute =
      MethodCalls.calling("org.example.Connection", "executeCommand");

  @Test
  void matchesTheMethodsOfTheClassFileBeingTransformedThatCallTheMethod() {
    byte[] classFile = client();
    MethodList<MethodDescription.InDefinedShape> methods =
        TypePool.Default.of(ClassFileLocator.Simple.of(CLIENT.replace('/', '.'), classFile))
            .describe(CLIENT.replace('/', '.'))
            .resolve()
            .getDeclaredMethods();

    boolean[] verdicts = new boolean[3];
    MethodCalls.whileTransforming(
        classFile,
        () -> {
          verdicts[0] = callingExecute.matches(only(methods, "get"));
          verdicts[1] = callingExecute.matches(only(methods, "ping"));
          verdicts[2] = callingExecute.matches(only(methods, "sendsAndExecutes"));
          return null;
        });

    assertThat(verdicts).containsExactly(true, false, true);
    // outside a transformation there is no class file to read: nothing matches
    assertThat(callingExecute.matches(only(methods, "get"))).isFalse();
  }

  private static MethodDescription only(MethodList<MethodDescription.InDefinedShape> methods, String name) {
    return methods.filter(ElementMatchers.named(name)).getOnly();
  }

  /** get() calls Connection.executeCommand, ping() calls Connection.sendCommand, the third both. */
  private static byte[] client() {
    ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    writer.visit(Opcodes.V11, Opcodes.ACC_PUBLIC, CLIENT, null, "java/lang/Object", new String[0]);
    method(writer, "get", "executeCommand");
    method(writer, "ping", "sendCommand");
    MethodVisitor both = writer.visitMethod(Opcodes.ACC_PUBLIC, "sendsAndExecutes", "()V", null, null);
    both.visitCode();
    call(both, "sendCommand");
    call(both, "executeCommand");
    both.visitInsn(Opcodes.RETURN);
    both.visitMaxs(0, 0);
    both.visitEnd();
    writer.visitEnd();
    return writer.toByteArray();
  }

  private static void method(ClassWriter writer, String name, String calls) {
    MethodVisitor method = writer.visitMethod(Opcodes.ACC_PUBLIC, name, "()V", null, null);
    method.visitCode();
    call(method, calls);
    method.visitInsn(Opcodes.RETURN);
    method.visitMaxs(0, 0);
    method.visitEnd();
  }

  private static void call(MethodVisitor method, String name) {
    method.visitInsn(Opcodes.ACONST_NULL);
    method.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "org/example/Connection", name, "()V", false);
  }
}
