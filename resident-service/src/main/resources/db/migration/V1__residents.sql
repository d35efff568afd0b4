create table resident (
    id           uuid         primary key,
    name         varchar(100) not null,
    birth_date   date         not null,
    sex          varchar(1)   not null,
    phone        varchar(20),
    dong         varchar(50)  not null,
    complex      varchar(100) not null,
    building     varchar(20),
    unit         varchar(20),
    care_consent boolean      not null default false,
    status       varchar(20)  not null,
    created_at   timestamptz  not null,
    created_by   varchar(100) not null,
    version      integer      not null default 0
);
create index resident_complex on resident (dong, complex);
