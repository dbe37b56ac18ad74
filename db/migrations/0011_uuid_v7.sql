-- Time-ordered ids (UUID version 7, RFC 9562): 48 bits of Unix milliseconds, then 74 random
-- bits. New rows' keys land at the end of the primary key and of the indexes that lead with
-- a foreign key to them, instead of in a random page each (one page write-ahead-logged in
-- full per insert after a checkpoint). PostgreSQL 18 has uuidv7(); this is for 15 to 17.
CREATE OR REPLACE FUNCTION uuid_v7() RETURNS uuid
LANGUAGE sql VOLATILE PARALLEL SAFE AS $$
  SELECT encode(
    set_bit(set_bit(
      overlay(uuid_send(gen_random_uuid())
        placing substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
        FROM 1 FOR 6),
      52, 1), 53, 1),
    'hex')::uuid
$$;
