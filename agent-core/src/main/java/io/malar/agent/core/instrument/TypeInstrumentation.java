package io.malar.agent.core.instrument;

import static net.bytebuddy.matcher.ElementMatchers.named;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Which types to instrument, in which class loaders, and which advice goes on which methods.
 *
 * <p>Advice classes are named by string: the core reads their bytes to inline them and never loads
 * them.
 */
public final class TypeInstrumentation {
  private final ElementMatcher<? super TypeDescription> types;
  private final List<String> requiredClasses;
  private final List<AdviceBinding> bindings;
  private final String jdkClassName;

  private TypeInstrumentation(
      ElementMatcher<? super TypeDescription> types,
      List<String> requiredClasses,
      List<AdviceBinding> bindings,
      String jdkClassName) {
    this.types = types;
    this.requiredClasses = requiredClasses;
    this.bindings = bindings;
    this.jdkClassName = jdkClassName;
  }

  public static Builder forTypes(ElementMatcher<? super TypeDescription> types) {
    return new Builder(types, null);
  }

  /** One class of the JDK's own, loaded by the bootstrap loader: its advice may use only JDK and bridge types. */
  public static Builder forJdkType(String className) {
    return new Builder(named(className), className);
  }

  public ElementMatcher<? super TypeDescription> types() {
    return types;
  }

  /** Classes a class loader must see for these types to be instrumented: the version fence. */
  public List<String> requiredClasses() {
    return requiredClasses;
  }

  public List<AdviceBinding> bindings() {
    return bindings;
  }

  /** The JDK class instrumented, or null for a library's types. */
  public String jdkClassName() {
    return jdkClassName;
  }

  /** Advice for the methods that a matcher selects. */
  public static final class AdviceBinding {
    private final ElementMatcher<? super MethodDescription> methods;
    private final String adviceClassName;

    AdviceBinding(ElementMatcher<? super MethodDescription> methods, String adviceClassName) {
      this.methods = methods;
      this.adviceClassName = adviceClassName;
    }

    public ElementMatcher<? super MethodDescription> methods() {
      return methods;
    }

    public String adviceClassName() {
      return adviceClassName;
    }
  }

  public static final class Builder {
    private final ElementMatcher<? super TypeDescription> types;
    private final List<String> requiredClasses = new ArrayList<>();
    private final List<AdviceBinding> bindings = new ArrayList<>();
    private final String jdkClassName;

    private Builder(ElementMatcher<? super TypeDescription> types, String jdkClassName) {
      this.types = types;
      this.jdkClassName = jdkClassName;
    }

    public Builder requiring(String... classNames) {
      requiredClasses.addAll(Arrays.asList(classNames));
      return this;
    }

    public Builder advise(ElementMatcher<? super MethodDescription> methods, String adviceClassName) {
      bindings.add(new AdviceBinding(methods, adviceClassName));
      return this;
    }

    public TypeInstrumentation build() {
      return new TypeInstrumentation(
          types,
          Collections.unmodifiableList(new ArrayList<>(requiredClasses)),
          Collections.unmodifiableList(new ArrayList<>(bindings)),
          jdkClassName);
    }
  }
}
