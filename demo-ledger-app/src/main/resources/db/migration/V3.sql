-- V3: lookups the endpoints make (entries by farmer, by date; notifications by status)
CREATE INDEX entries_farmer_date ON entries (farmer_id, entry_date);
CREATE INDEX entries_date ON entries (entry_date);
CREATE INDEX notifications_status ON notifications (status);
