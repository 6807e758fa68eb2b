package io.malar.agent.core.instrument;

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
  private final boolean jdk;

  private TypeInstrumentation(
      ElementMatcher<? super TypeDescription> types,
      List<String> requiredClasses,
      List<AdviceBinding> bindings,
      boolean jdk) {
    this.types = types;
    this.requiredClasses = requiredClasses;
    this.bindings = bindings;
    this.jdk = jdk;
  }

  public static Builder forTypes(ElementMatcher<? super TypeDescription> types) {
    return new Builder(types);
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

  /** Whether the types are the JDK's own, loaded by the bootstrap loader. */
  public boolean jdk() {
    return jdk;
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
    private boolean jdk;

    private Builder(ElementMatcher<? super TypeDescription> types) {
      this.types = types;
    }

    public Builder requiring(String... classNames) {
      requiredClasses.addAll(Arrays.asList(classNames));
      return this;
    }

    /** The types are the JDK's own: their advice may use only JDK and bridge types. */
    public Builder inJdk() {
      jdk = true;
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
          jdk);
    }
  }
}
