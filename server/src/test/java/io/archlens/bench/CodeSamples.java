package io.archlens.bench;

/**
 * Realistic service code of a given length for the tree-sitter languages: a Flask/SQLAlchemy module, an Express
 * service in TypeScript, a net/http service in Go. Each repeats a block of handlers, a repository with queries, an
 * outbound client and helpers, with a few mistakes per block (a call without timeout, SQL built by concatenation).
 */
public final class CodeSamples {
    private CodeSamples() {
    }

    public static String python(int lines) {
        StringBuilder sb = new StringBuilder("""
                import logging
                import os

                import requests
                from flask import Flask, jsonify, request
                from sqlalchemy import create_engine, text

                log = logging.getLogger(__name__)
                app = Flask(__name__)
                engine = create_engine(os.environ["DATABASE_URL"], pool_size=10, pool_pre_ping=True)


                """);
        for (int i = 0; sb.chars().filter(c -> c == '\n').count() < lines; i++) {
            sb.append("""
                    @app.route("/orders/%1$d/<order_id>", methods=["GET"])
                    def get_order_%1$d(order_id):
                        with engine.connect() as conn:
                            row = conn.execute(text("select * from orders where id = :id"), {"id": order_id}).first()
                        if row is None:
                            return jsonify({"error": "not found"}), 404
                        return jsonify(dict(row._mapping))


                    @app.route("/orders/%1$d", methods=["POST"])
                    def create_order_%1$d():
                        body = request.get_json()
                        total = sum(item["price"] * item["qty"] for item in body.get("items", []))
                        with engine.begin() as conn:
                            conn.execute(text("insert into orders (customer, total) values (:c, :t)"),
                                         {"c": body["customer"], "t": total})
                        notify_%1$d(body["customer"], total)
                        return jsonify({"total": total}), 201


                    def notify_%1$d(customer, total):
                        try:
                            requests.post("http://notifications:8080/events", json={"customer": customer, "total": total})
                        except requests.RequestException as e:
                            log.warning("notification failed: %%s", e)


                    def search_%1$d(conn, name):
                        query = "select id, name from customers where name like '%%" + name + "%%'"
                        return [dict(r._mapping) for r in conn.execute(text(query))]


                    class PriceCache%1$d:
                        def __init__(self, ttl=60):
                            self.ttl = ttl
                            self.items = {}

                        def get(self, key, load):
                            if key not in self.items:
                                self.items[key] = load(key)
                            return self.items[key]


                    """.formatted(i));
        }
        return sb.toString();
    }

    public static String typescript(int lines) {
        StringBuilder sb = new StringBuilder("""
                import express, { Request, Response } from 'express';
                import axios from 'axios';
                import { Pool } from 'pg';

                const app = express();
                app.use(express.json());
                const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
                const payments = axios.create({ baseURL: 'http://payments:8080', timeout: 2000 });

                interface Order {
                  id: string;
                  customer: string;
                  total: number;
                }

                """);
        for (int i = 0; sb.chars().filter(c -> c == '\n').count() < lines; i++) {
            sb.append("""
                    app.get('/orders/%1$d/:id', async (req: Request, res: Response) => {
                      try {
                        const { rows } = await pool.query<Order>('select * from orders where id = $1', [req.params.id]);
                        if (rows.length === 0) {
                          res.status(404).json({ error: 'not found' });
                          return;
                        }
                        res.json(rows[0]);
                      } catch (e) {
                        res.status(500).json({ error: 'failed' });
                      }
                    });

                    app.post('/orders/%1$d', async (req: Request, res: Response) => {
                      const items: Array<{ price: number; qty: number }> = req.body.items ?? [];
                      const total = items.reduce((sum, it) => sum + it.price * it.qty, 0);
                      const { rows } = await pool.query('insert into orders (customer, total) values ($1, $2) returning id',
                        [req.body.customer, total]);
                      await payments.post('/charge', { order: rows[0].id, total });
                      res.status(201).json({ id: rows[0].id, total });
                    });

                    export async function search%1$d(name: string): Promise<Order[]> {
                      const { rows } = await pool.query(`select * from orders where customer like '%%${name}%%'`);
                      return rows;
                    }

                    export async function rates%1$d(): Promise<Record<string, number>> {
                      const r = await axios.get('http://rates:8080/latest');
                      return r.data as Record<string, number>;
                    }

                    export class PriceCache%1$d<T> {
                      private readonly items = new Map<string, T>();
                      constructor(private readonly ttlSeconds = 60) {}
                      get(key: string, load: (k: string) => T): T {
                        if (!this.items.has(key)) {
                          this.items.set(key, load(key));
                        }
                        return this.items.get(key)!;
                      }
                    }

                    """.formatted(i));
        }
        return sb.append("app.listen(Number(process.env.PORT ?? 3000));\n").toString();
    }

    public static String go(int lines) {
        StringBuilder sb = new StringBuilder("""
                package orders

                import (
                \t"database/sql"
                \t"encoding/json"
                \t"fmt"
                \t"log"
                \t"net/http"
                \t"time"
                )

                type Order struct {
                \tID       string  `json:"id"`
                \tCustomer string  `json:"customer"`
                \tTotal    float64 `json:"total"`
                }

                var client = &http.Client{Timeout: 5 * time.Second}

                """);
        for (int i = 0; sb.chars().filter(c -> c == '\n').count() < lines; i++) {
            sb.append("""
                    func GetOrder%1$d(db *sql.DB) http.HandlerFunc {
                    \treturn func(w http.ResponseWriter, r *http.Request) {
                    \t\tvar o Order
                    \t\terr := db.QueryRowContext(r.Context(), "select id, customer, total from orders where id = $1",
                    \t\t\tr.PathValue("id")).Scan(&o.ID, &o.Customer, &o.Total)
                    \t\tif err == sql.ErrNoRows {
                    \t\t\thttp.Error(w, "not found", http.StatusNotFound)
                    \t\t\treturn
                    \t\t}
                    \t\tif err != nil {
                    \t\t\thttp.Error(w, "failed", http.StatusInternalServerError)
                    \t\t\treturn
                    \t\t}
                    \t\tw.Header().Set("Content-Type", "application/json")
                    \t\t_ = json.NewEncoder(w).Encode(o)
                    \t}
                    }

                    func Search%1$d(db *sql.DB, name string) ([]Order, error) {
                    \trows, err := db.Query(fmt.Sprintf("select id, customer, total from orders where customer = '%%s'", name))
                    \tif err != nil {
                    \t\treturn nil, err
                    \t}
                    \tdefer rows.Close()
                    \tvar out []Order
                    \tfor rows.Next() {
                    \t\tvar o Order
                    \t\tif err := rows.Scan(&o.ID, &o.Customer, &o.Total); err != nil {
                    \t\t\treturn nil, err
                    \t\t}
                    \t\tout = append(out, o)
                    \t}
                    \treturn out, rows.Err()
                    }

                    func Notify%1$d(o Order) {
                    \tresp, err := http.Get("http://notifications:8080/events?order=" + o.ID)
                    \tif err != nil {
                    \t\tlog.Printf("notify failed: %%v", err)
                    \t\treturn
                    \t}
                    \tdefer resp.Body.Close()
                    }

                    func Rates%1$d() (*http.Response, error) {
                    \treturn client.Get("http://rates:8080/latest")
                    }

                    """.formatted(i));
        }
        return sb.toString();
    }
}
