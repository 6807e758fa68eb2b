package io.malar.ledger.reports;

import io.malar.ledger.db.Transactions;
import io.malar.ledger.entries.Entry;
import io.malar.ledger.entries.EntryRepository;
import io.malar.ledger.farmers.Farmer;
import io.malar.ledger.farmers.FarmerRepository;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** The report queries. */
public final class ReportRepository {
  private static final int TOP_SUPPLIERS_PER_FLOWER = 5;

  private final DataSource dataSource;

  public ReportRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public DailySummary dailySummary(LocalDate date) {
    return Transactions.withConnection(dataSource, connection -> {
      try (PreparedStatement select = connection.prepareStatement("SELECT f.name, COUNT(*), SUM(e.quantity_kg),"
          + " SUM(e.amount), SUM(e.commission) FROM entries e JOIN flowers f ON f.id = e.flower_id"
          + " WHERE e.entry_date = ? GROUP BY f.name ORDER BY SUM(e.amount) DESC")) {
        select.setDate(1, Date.valueOf(date));
        List<DailySummary.FlowerTotal> flowers = new ArrayList<>();
        BigDecimal amount = BigDecimal.ZERO;
        BigDecimal commission = BigDecimal.ZERO;
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            DailySummary.FlowerTotal total = new DailySummary.FlowerTotal(rows.getString(1), rows.getInt(2),
                rows.getBigDecimal(3), rows.getBigDecimal(4), rows.getBigDecimal(5));
            flowers.add(total);
            amount = amount.add(total.amount());
            commission = commission.add(total.commission());
          }
        }
        return new DailySummary(date.toString(), flowers, amount, commission);
      }
    });
  }

  /** The farmer's statement, or null when there is no such farmer. Reads each entry on its own. */
  public FarmerStatement farmerStatement(long farmerId, LocalDate from, LocalDate to) {
    return Transactions.withConnection(dataSource, connection -> {
      Farmer farmer = FarmerRepository.find(connection, farmerId);
      if (farmer == null) {
        return null;
      }
      List<Long> ids = new ArrayList<>();
      try (PreparedStatement select = connection.prepareStatement("SELECT id FROM entries"
          + " WHERE farmer_id = ? AND entry_date BETWEEN ? AND ? ORDER BY entry_date, id")) {
        select.setLong(1, farmerId);
        select.setDate(2, Date.valueOf(from));
        select.setDate(3, Date.valueOf(to));
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            ids.add(rows.getLong(1));
          }
        }
      }
      List<Entry> entries = new ArrayList<>();
      BigDecimal kg = BigDecimal.ZERO;
      BigDecimal amount = BigDecimal.ZERO;
      BigDecimal commission = BigDecimal.ZERO;
      for (long id : ids) {
        Entry entry = EntryRepository.find(connection, id);
        entries.add(entry);
        kg = kg.add(entry.quantityKg());
        amount = amount.add(entry.amount());
        commission = commission.add(entry.commission());
      }
      return new FarmerStatement(farmer.id(), farmer.name(), Routes.of(farmer.village()), from.toString(),
          to.toString(), entries, kg, amount, commission, farmer.advanceBalance());
    });
  }

  /** The month's top suppliers of each flower; one heavy aggregate over the month's entries. */
  public MonthlyReport monthlyReport(YearMonth month) {
    return Transactions.withConnection(dataSource, connection -> {
      try (PreparedStatement select = connection.prepareStatement("SELECT fl.name, e.farmer_id,"
          + " SUM(e.quantity_kg), SUM(e.amount),"
          + " AVG(e.quantity_kg / (SELECT SUM(d.quantity_kg) FROM entries d"
          + "   WHERE d.entry_date = e.entry_date))"
          + " FROM entries e JOIN flowers fl ON fl.id = e.flower_id"
          + " WHERE e.entry_date BETWEEN ? AND ?"
          + " GROUP BY fl.name, e.farmer_id ORDER BY fl.name, SUM(e.amount) DESC")) {
        select.setDate(1, Date.valueOf(month.atDay(1)));
        select.setDate(2, Date.valueOf(month.atEndOfMonth()));
        List<MonthlyReport.Supplier> top = new ArrayList<>();
        Map<String, Integer> perFlower = new HashMap<>();
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            String flower = rows.getString(1);
            if (perFlower.merge(flower, 1, Integer::sum) <= TOP_SUPPLIERS_PER_FLOWER) {
              top.add(new MonthlyReport.Supplier(flower, rows.getLong(2), rows.getBigDecimal(3),
                  rows.getBigDecimal(4), rows.getBigDecimal(5).setScale(4, RoundingMode.HALF_UP)));
            }
          }
        }
        return new MonthlyReport(month.toString(), top);
      }
    });
  }
}
