-- Every durable commit pays for each page it touches, so issuing a ticket touches as few as it can:
-- the day's tickets are found through UNIQUE (day, number), and only calls need an events index
-- (the lobby's recent calls); other event reads scan by sequence.
DROP INDEX tickets_by_day;
DROP INDEX events_by_type;
CREATE INDEX events_calls ON events (at) WHERE type = 'ticket.called';
