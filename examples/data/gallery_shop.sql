-- A small shop for the gallery's st.connection section (examples/gallery.py loads it into SQLite).
CREATE TABLE products (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    category TEXT NOT NULL,
    price REAL NOT NULL
);
CREATE TABLE orders (
    id INTEGER PRIMARY KEY,
    product_id INTEGER NOT NULL REFERENCES products (id),
    quantity INTEGER NOT NULL,
    ordered_on TEXT NOT NULL
);
INSERT INTO products (id, name, category, price) VALUES
    (1, 'Espresso beans 1 kg', 'Coffee', 24.0),
    (2, 'Filter beans 1 kg', 'Coffee', 19.5),
    (3, 'Decaf 500 g', 'Coffee', 11.0),
    (4, 'Green tea 100 g', 'Tea', 7.5),
    (5, 'Earl Grey 250 g', 'Tea', 9.0),
    (6, 'Ceramic mug', 'Gear', 12.0),
    (7, 'Pour-over dripper', 'Gear', 28.0),
    (8, 'Burr grinder', 'Gear', 89.0);
INSERT INTO orders (product_id, quantity, ordered_on) VALUES
    (1, 3, '2026-01-04'), (2, 1, '2026-01-05'), (4, 2, '2026-01-05'), (6, 4, '2026-01-07'),
    (1, 1, '2026-01-09'), (8, 1, '2026-01-10'), (5, 3, '2026-01-12'), (3, 2, '2026-01-13'),
    (7, 1, '2026-01-15'), (2, 2, '2026-01-16'), (1, 2, '2026-01-18'), (4, 5, '2026-01-20'),
    (6, 2, '2026-01-21'), (5, 1, '2026-01-23'), (8, 1, '2026-01-24'), (2, 3, '2026-01-26');
