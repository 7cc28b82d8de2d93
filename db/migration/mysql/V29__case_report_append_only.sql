-- On MySQL/MariaDB the database itself refuses to change or remove a registered case report (as for the ledger).
CREATE TRIGGER case_report_no_update BEFORE UPDATE ON case_report FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'case_report is append-only: rows cannot be updated';

CREATE TRIGGER case_report_no_delete BEFORE DELETE ON case_report FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'case_report is append-only: rows cannot be deleted';
