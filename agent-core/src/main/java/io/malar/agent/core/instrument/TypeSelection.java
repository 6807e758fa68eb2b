package io.malar.agent.core.instrument;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The names that select types for instrumentation: exact names, name prefixes, and the names of
 * supertypes. Checking them needs a class's name and, for supertypes, only the names its class file
 * and its supertypes' class files declare: no type is described, no matcher runs.
 */
public final class TypeSelection {
  private final Set<String> names;
  private final List<String> prefixes;
  private final Set<String> supertypes;

  private TypeSelection(Set<String> names, List<String> prefixes, Set<String> supertypes) {
    this.names = names;
    this.prefixes = prefixes;
    this.supertypes = supertypes;
  }

  static TypeSelection names(String... classNames) {
    return new TypeSelection(new HashSet<>(Arrays.asList(classNames)), Collections.emptyList(), Collections.emptySet());
  }

  static TypeSelection namePrefix(String prefix) {
    return new TypeSelection(Collections.emptySet(), Collections.singletonList(prefix), Collections.emptySet());
  }

  static TypeSelection subtypesOf(String... supertypeNames) {
    return new TypeSelection(Collections.emptySet(), Collections.emptyList(), new HashSet<>(Arrays.asList(supertypeNames)));
  }

  /** Everything any of {@code selections} selects. */
  static TypeSelection union(Collection<TypeSelection> selections) {
    Set<String> names = new HashSet<>();
    List<String> prefixes = new ArrayList<>();
    Set<String> supertypes = new HashSet<>();
    for (TypeSelection selection : selections) {
      names.addAll(selection.names);
      prefixes.addAll(selection.prefixes);
      supertypes.addAll(selection.supertypes);
    }
    return new TypeSelection(names, prefixes, supertypes);
  }

  /** Whether the class of this (binary, dotted) name is selected by its name alone. */
  boolean selectsByName(String className) {
    if (names.contains(className)) {
      return true;
    }
    for (String prefix : prefixes) {
      if (className.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** The supertypes' binary (dotted) names: a type that is, extends or implements one is selected. */
  Set<String> supertypes() {
    return Collections.unmodifiableSet(supertypes);
  }
}
