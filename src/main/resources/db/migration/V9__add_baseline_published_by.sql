-- Who published a revision: the subject of the token that published it.
alter table baseline add column published_by varchar(200);
