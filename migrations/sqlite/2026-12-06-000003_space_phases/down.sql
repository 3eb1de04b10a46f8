DROP TABLE space_phases;
