-- V2: the twelve flower types of the market
INSERT INTO flowers (id, name) VALUES
  (1, 'jasmine'), (2, 'marigold'), (3, 'rose'), (4, 'chrysanthemum'), (5, 'crossandra'),
  (6, 'tuberose'), (7, 'lotus'), (8, 'lily'), (9, 'hibiscus'), (10, 'oleander'),
  (11, 'nerium'), (12, 'aster');
