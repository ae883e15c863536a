CREATE DATABASE shop;
CREATE USER app WITH PASSWORD 'Sq1-create-user-99';
ALTER ROLE reporting WITH LOGIN ENCRYPTED PASSWORD 'Sq2-alter-role-00';
CREATE USER 'shop'@'%' IDENTIFIED BY 'Sq3-identified-11';
ALTER USER 'legacy'@'%' IDENTIFIED WITH mysql_native_password BY 'Sq5-native-pw-64';
CREATE USER scott IDENTIFIED BY Sq4oracle22;
CREATE LOGIN reporter WITH PASSWORD = 'Sq6-mssql-login-65';
GRANT SELECT ON ALL TABLES IN SCHEMA public TO reporting;
