CREATE TABLE affiliates (
    id      VARCHAR(26)  NOT NULL PRIMARY KEY,
    code    VARCHAR(50)  NOT NULL UNIQUE,
    user_id VARCHAR(100) NOT NULL
);
