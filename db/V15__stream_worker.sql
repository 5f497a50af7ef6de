-- The worker a stream's packagers are pinned to by an operator; NULL lets Headend place them.
ALTER TABLE streams ADD COLUMN worker VARCHAR(40);
