BEGIN [];
INSERT INTO `employees` (`name`, `type`, `manager_data`) VALUES (?, ?, ?) [Tom manager data1];
INSERT INTO `employees` (`name`, `type`, `engineer_info`) VALUES (?, ?, ?) [Ed juniorengineer data4];
UPDATE `employees` SET `manager_data` = ? WHERE `employee_id` = ? [data2 1];
DELETE FROM `employees` WHERE `employee_id` = ? [2];
COMMIT [];
