package io.malar.agent.core.instrument;

import java.util.HashSet;
import java.util.Set;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Matches the methods whose code calls a given method, read from the class file being transformed
 * (scanned once per transformation): advice that only some methods of a large class need, such as
 * the ones that write a command themselves, goes on those alone. Where the class file is not at
 * hand, no method matches.
 */
public final class MethodCalls extends ElementMatcher.Junction.AbstractBase<MethodDescription> {
  private static final ThreadLocal<byte[]> CLASS_FILE = new ThreadLocal<>();

  private final String ownerInternalName;
  private final String methodName;
  private byte[] scanned;
  private Set<String> callers;

  private MethodCalls(String ownerClassName, String methodName) {
    this.ownerInternalName = ownerClassName.replace('.', '/');
    this.methodName = methodName;
  }

  /** The methods that call {@code methodName} of {@code ownerClassName}, with any arguments. */
  public static ElementMatcher.Junction<MethodDescription> calling(String ownerClassName, String methodName) {
    return new MethodCalls(ownerClassName, methodName);
  }

  /** Makes {@code classFile} the one read while {@code transformation} runs on this thread. */
  static <T extends Throwable> byte[] whileTransforming(byte[] classFile, Transformation<T> transformation) throws T {
    CLASS_FILE.set(classFile);
    try {
      return transformation.run();
    } finally {
      CLASS_FILE.remove();
    }
  }

  /** A transformation that may throw what a class file transformer throws. */
  interface Transformation<T extends Throwable> {
    byte[] run() throws T;
  }

  @Override
  public boolean matches(MethodDescription method) {
    byte[] classFile = CLASS_FILE.get();
    if (classFile == null) {
      return false;
    }
    return callersIn(classFile).contains(method.getInternalName() + method.getDescriptor());
  }

  private synchronized Set<String> callersIn(byte[] classFile) {
    if (classFile != scanned) {
      callers = scan(classFile);
      scanned = classFile;
    }
    return callers;
  }

  private Set<String> scan(byte[] classFile) {
    Set<String> found = new HashSet<>();
    new ClassReader(classFile)
        .accept(
            new ClassVisitor(Opcodes.ASM9) {
              @Override
              public MethodVisitor visitMethod(
                  int access, String name, String descriptor, String signature, String[] exceptions) {
                String method = name + descriptor;
                return new MethodVisitor(Opcodes.ASM9) {
                  @Override
                  public void visitMethodInsn(
                      int opcode, String owner, String calledName, String calledDescriptor, boolean isInterface) {
                    if (owner.equals(ownerInternalName) && calledName.equals(methodName)) {
                      found.add(method);
                    }
                  }
                };
              }
            },
            ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    return found;
  }
}
