package io.malar.agent.tests.apps;

import java.sql.SQLException;
import java.util.concurrent.Callable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The routes of a pet clinic, for Spring 5 and Spring 6 alike: it uses no servlet type, so the same
 * class runs on javax and on jakarta.
 */
@RestController
public class ClinicController {
  @GetMapping("/owners/{id}")
  public String owner(@PathVariable("id") int id) {
    return "owner " + id;
  }

  @GetMapping("/owners/{id}/pets/{petId}")
  public String pet(@PathVariable("id") int id, @PathVariable("petId") int petId) {
    return "pet " + petId + " of owner " + id;
  }

  @GetMapping("/owners/{id}/pets")
  public String pets(@PathVariable("id") int id) throws SQLException {
    return ClinicQueries.petsOneByOne(id) + " pets";
  }

  /** Served asynchronously: the request's span ends on another thread, after the dispatch returned. */
  @GetMapping("/owners/{id}/visits")
  public Callable<String> visits(@PathVariable("id") int id) {
    return () -> "visits of owner " + id;
  }

  @GetMapping("/vets.html")
  public String vets() {
    return "vets";
  }

  @GetMapping("/oups")
  public String oups() {
    throw new IllegalStateException("the clinic's handler failed on purpose");
  }
}
