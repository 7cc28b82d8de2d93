-- On MySQL/MariaDB the database itself refuses to change or remove a ledger row.
-- (Demo H2 relies on the application, whose ledger repository has no update or delete.)
CREATE TRIGGER ledger_entry_no_update BEFORE UPDATE ON ledger_entry FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ledger_entry is append-only: rows cannot be updated';

CREATE TRIGGER ledger_entry_no_delete BEFORE DELETE ON ledger_entry FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ledger_entry is append-only: rows cannot be deleted';
