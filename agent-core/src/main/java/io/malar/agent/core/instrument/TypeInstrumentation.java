package io.malar.agent.core.instrument;

import static net.bytebuddy.matcher.ElementMatchers.any;
import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;

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
 * <p>Types are selected by name, by name prefix or by a supertype's name ({@link TypeSelection}),
 * which the installer checks cheaply for every class loaded, before Byte Buddy describes any;
 * {@link Builder#where} narrows the selection further with any matcher. Advice classes are named by
 * string: the core reads their bytes to inline them and never loads them.
 */
public final class TypeInstrumentation {
  private final TypeSelection selection;
  private final ElementMatcher<? super TypeDescription> types;
  private final List<String> requiredClasses;
  private final List<AdviceBinding> bindings;
  private final String jdkClassName;

  private TypeInstrumentation(
      TypeSelection selection,
      ElementMatcher<? super TypeDescription> types,
      List<String> requiredClasses,
      List<AdviceBinding> bindings,
      String jdkClassName) {
    this.selection = selection;
    this.types = types;
    this.requiredClasses = requiredClasses;
    this.bindings = bindings;
    this.jdkClassName = jdkClassName;
  }

  /** The types of these names. */
  public static Builder forNames(String... classNames) {
    return new Builder(TypeSelection.names(classNames), namedOneOf(classNames), null);
  }

  /** The types whose names start with {@code prefix}. */
  public static Builder forNamePrefix(String prefix) {
    return new Builder(TypeSelection.namePrefix(prefix), nameStartsWith(prefix), null);
  }

  /** The types that are, extend or implement one of these (interfaces included: narrow with {@link Builder#where}). */
  public static Builder forSubtypesOf(String... supertypeNames) {
    return new Builder(TypeSelection.subtypesOf(supertypeNames), hasSuperType(namedOneOf(supertypeNames)), null);
  }

  /** One class of the JDK's own, loaded by the bootstrap loader: its advice may use only JDK and bridge types. */
  public static Builder forJdkType(String className) {
    return new Builder(TypeSelection.names(className), namedOneOf(className), className);
  }

  /** What the installer checks before any type is described: a superset of {@link #types()}. */
  public TypeSelection selection() {
    return selection;
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
    private final TypeSelection selection;
    private final ElementMatcher.Junction<TypeDescription> selected;
    private ElementMatcher<? super TypeDescription> narrowing = any();
    private final List<String> requiredClasses = new ArrayList<>();
    private final List<AdviceBinding> bindings = new ArrayList<>();
    private final String jdkClassName;

    private Builder(TypeSelection selection, ElementMatcher.Junction<TypeDescription> selected, String jdkClassName) {
      this.selection = selection;
      this.selected = selected;
      this.jdkClassName = jdkClassName;
    }

    /** Of the selected types, only those this matcher accepts too. */
    public Builder where(ElementMatcher<? super TypeDescription> narrowing) {
      this.narrowing = narrowing;
      return this;
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
          selection,
          selected.and(narrowing),
          Collections.unmodifiableList(new ArrayList<>(requiredClasses)),
          Collections.unmodifiableList(new ArrayList<>(bindings)),
          jdkClassName);
    }
  }
}
