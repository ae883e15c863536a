-- Payments, plus the clean-ups the team postponed
BEGIN;

CREATE TABLE payments (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id    integer NOT NULL,
    provider    text NOT NULL,
    amount      numeric(10, 2) NOT NULL,
    paid_at     timestamptz
);
ALTER TABLE payments ADD CONSTRAINT payments_order_fk FOREIGN KEY (order_id) REFERENCES orders (id);
CREATE INDEX payments_order_idx ON payments (order_id);

ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0);
ALTER TABLE orders ADD CONSTRAINT orders_public_id_key UNIQUE (public_id);
ALTER TABLE customers RENAME COLUMN name TO full_name;
ALTER TABLE products ALTER COLUMN price TYPE numeric(12, 2);
CREATE INDEX CONCURRENTLY order_lines_product_idx ON order_lines (product_id);

COMMIT;
