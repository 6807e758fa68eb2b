package io.malar.agent.instrumentation.opentelemetryapi.application;

/**
 * What every instrument builder of the application does alike: describe the draft. {@code B} is
 * the builder's own API interface, whose {@code setDescription} and {@code setUnit} these implement.
 */
abstract class DescribedBuilder<B> {
  final InstrumentDraft draft;

  DescribedBuilder(InstrumentDraft draft) {
    this.draft = draft;
  }

  @SuppressWarnings("unchecked")
  public B setDescription(String description) {
    draft.describe(description);
    return (B) this;
  }

  @SuppressWarnings("unchecked")
  public B setUnit(String unit) {
    draft.measureIn(unit);
    return (B) this;
  }
}
