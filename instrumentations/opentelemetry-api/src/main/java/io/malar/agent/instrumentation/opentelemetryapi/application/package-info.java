/**
 * Helpers defined next to the application's copy of the OpenTelemetry API (in a small loader whose
 * parent is the API's), implementing that copy's interfaces by forwarding to the agent's telemetry
 * through the bridge. They may use only the API, the JDK, the bridge and each other, and must link
 * against every API version the module's fence admits: they implement the interfaces' abstract
 * methods and override a default method only when its signature uses types of the oldest version.
 */
package io.malar.agent.instrumentation.opentelemetryapi.application;
