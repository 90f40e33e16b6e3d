// Integration tests wait on real Kafka group joins and Postgres; conditions, never sleeps, bound them.
jest.setTimeout(60_000);
