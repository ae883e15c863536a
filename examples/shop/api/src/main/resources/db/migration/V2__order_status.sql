-- Back office: filter orders by status, track shipping
ALTER TABLE orders ADD COLUMN status varchar(20) NOT NULL;
ALTER TABLE orders ADD COLUMN public_id uuid NOT NULL DEFAULT gen_random_uuid();
CREATE INDEX orders_status_idx ON orders (status);
CREATE INDEX orders_customer_idx ON orders (customer_id);
UPDATE orders SET status = 'NEW';
